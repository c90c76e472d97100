# Production image: gunicorn serves the app, whitenoise serves the static files.
FROM python:3.11-slim
ENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1
WORKDIR /app
RUN useradd --create-home app
COPY pyproject.toml ./
COPY . .
RUN pip install --no-cache-dir . \
 && DATABASE_URL=postgres://build/none REDIS_URL=redis://build:6379/0 SECRET_KEY=build-only \
    python manage.py collectstatic --noinput
USER app
EXPOSE 8000
CMD ["gunicorn", "vi_inkluderer.wsgi", "--config", "python:vi_inkluderer.gunicorn_conf"]
