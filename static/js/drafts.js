// Keep what a person types in a long form until it is saved. If their session ran out, or
// the page was too old to be accepted (CSRF), the text comes back when they open the form
// again in the same tab. Kept in sessionStorage: it never outlives the tab, and identity
// numbers and passwords are never kept.
"use strict";

(() => {
  const PREFIX = "vi-inkluderer-draft:";
  const PENDING = "vi-inkluderer-draft-pending";
  const SKIPPED_TYPES = ["password", "hidden", "file", "submit", "button", "reset"];
  const SENSITIVE = /fnr|fodselsnummer|password/i;

  const draftForms = () =>
    [...document.querySelectorAll("form")].filter(
      (form) =>
        (form.method || "").toLowerCase() === "post" &&
        !form.closest("[data-no-draft]") &&
        (form.matches("[data-keep-draft]") || form.querySelector("textarea")),
    );
  const keyOf = (form) => `${PREFIX}${location.pathname}|${form.getAttribute("action") || ""}`;
  const fieldsOf = (form) =>
    [...form.elements].filter(
      (field) =>
        field.name &&
        field.name !== "csrfmiddlewaretoken" &&
        !SKIPPED_TYPES.includes(field.type) &&
        !SENSITIVE.test(field.name),
    );

  const read = (form) => {
    const values = {};
    for (const field of fieldsOf(form)) {
      if (field.type === "checkbox" || field.type === "radio") {
        values[field.name] = values[field.name] || [];
        if (field.checked) values[field.name].push(field.value);
      } else if (field.multiple) {
        values[field.name] = [...field.selectedOptions].map((option) => option.value);
      } else {
        values[field.name] = [field.value];
      }
    }
    return values;
  };

  const write = (form, values) => {
    for (const field of fieldsOf(form)) {
      const kept = values[field.name];
      if (!kept) continue;
      if (field.type === "checkbox" || field.type === "radio") {
        field.checked = kept.includes(field.value);
      } else if (field.multiple) {
        [...field.options].forEach((option) => {
          option.selected = kept.includes(option.value);
        });
      } else {
        field.value = kept[0];
      }
    }
  };

  // A page that came back with errors already shows what was typed: it wins over the draft.
  const sentBackWithErrors = () => document.querySelector(".is-invalid, .alert-danger") !== null;
  const differs = (form, values) => JSON.stringify(read(form)) !== JSON.stringify(values);
  // The texts are translated in base.html: <body data-draft-restored="…">.
  const texts = document.body.dataset;

  const notice = (form, key) => {
    const box = document.createElement("div");
    box.className = "alert alert-info d-flex flex-wrap gap-2 align-items-center";
    box.setAttribute("role", "status");
    const text = document.createElement("p");
    text.className = "mb-0 me-auto";
    text.textContent = texts.draftRestored;
    const discard = document.createElement("button");
    discard.type = "button";
    discard.className = "btn btn-sm btn-outline-dark";
    discard.textContent = texts.draftDiscard;
    discard.addEventListener("click", () => {
      sessionStorage.removeItem(key);
      form.reset();
      box.remove();
    });
    box.append(text, discard);
    form.prepend(box);
  };

  // A save went through: the page after it says so; forget the draft it came from.
  const pending = sessionStorage.getItem(PENDING);
  if (pending && document.querySelector(".alert-success")) {
    sessionStorage.removeItem(pending);
  }
  sessionStorage.removeItem(PENDING);

  for (const form of draftForms()) {
    const key = keyOf(form);
    const stored = sessionStorage.getItem(key);
    if (stored && !sentBackWithErrors() && differs(form, JSON.parse(stored))) {
      write(form, JSON.parse(stored));
      notice(form, key);
    }
    const save = () => sessionStorage.setItem(key, JSON.stringify(read(form)));
    form.addEventListener("input", save);
    form.addEventListener("change", save);
    form.addEventListener("submit", () => {
      save();
      sessionStorage.setItem(PENDING, key);
    });
  }
})();
