// Behaviour lives here, not in inline scripts (the Content-Security-Policy forbids them).
"use strict";

// Ask before destructive actions: <form data-confirm="Er du sikker?">.
document.addEventListener("submit", (event) => {
  const message = event.target.dataset && event.target.dataset.confirm;
  if (message && !window.confirm(message)) {
    event.preventDefault();
  }
});

// htmx: send the CSRF token with every request it makes.
document.addEventListener("htmx:configRequest", (event) => {
  const token = document.querySelector("input[name=csrfmiddlewaretoken]");
  if (token) {
    event.detail.headers["X-CSRFToken"] = token.value;
  }
});

// Controls that only work with JavaScript stay hidden without it: <div data-needs-js hidden>.
document.querySelectorAll("[data-needs-js]").forEach((element) => {
  element.hidden = false;
});

// Enter in a search-as-you-type box narrows a list; it must not submit the surrounding form.
document.addEventListener("keydown", (event) => {
  if (event.key === "Enter" && event.target.matches("[data-search-as-you-type]")) {
    event.preventDefault();
  }
});

// A picker that adds its choice to a list of checked boxes: <select data-adds-to="list-id">.
// The select keeps its name, so without JavaScript its choice is still saved.
document.addEventListener("change", (event) => {
  const select = event.target;
  if (!select.matches("select[data-adds-to]") || !select.value) {
    return;
  }
  const list = document.getElementById(select.dataset.addsTo);
  const id = `${list.id}-${select.value}`;
  if (!document.getElementById(id)) {
    const item = document.createElement("li");
    item.className = "form-check";
    const box = document.createElement("input");
    Object.assign(box, { type: "checkbox", className: "form-check-input", id, checked: true });
    box.name = select.name;
    box.value = select.value;
    const label = document.createElement("label");
    label.className = "form-check-label";
    label.htmlFor = id;
    label.textContent = select.selectedOptions[0].textContent;
    item.append(box, label);
    list.append(item);
  }
  select.value = "";
});

// A form that comes back with errors opens at its error summary (components/error_summary.html).
const errorSummary = document.querySelector("[data-error-summary]");
if (errorSummary) {
  errorSummary.focus();
}
