# The course as a container: build the static site with Node, serve it with nginx as a
# non-root user. Build: docker build -t mlops-course .   Run: docker run -p 8080:8080 mlops-course
# Base images use exact release tags (the Node version CI tests with). At release time pin
# them to digests too, so a re-pushed tag cannot change the image; the README ("Pinning the
# base images") has the command that prints each digest.

# --- build stage ---------------------------------------------------------------
FROM node:24.21.0-bookworm-slim AS build
WORKDIR /app
# Dependencies first, so code changes reuse the cached npm layer.
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY . .
ARG SITE_URL=https://mlops-course.example.org
ENV SITE_URL=$SITE_URL ASTRO_TELEMETRY_DISABLED=1
RUN npm run build \
 && mkdir -p /out/conf \
 && mv dist/_nginx-lab-pages.conf /out/conf/lab-pages.conf

# --- serve stage ---------------------------------------------------------------
# nginx-unprivileged runs as user nginx (uid 101) and listens on 8080.
FROM nginxinc/nginx-unprivileged:1.28.0-alpine
COPY --from=build /out/conf/lab-pages.conf /etc/nginx/mlops/lab-pages.conf
COPY deploy/nginx/site.conf /etc/nginx/conf.d/default.conf
COPY --from=build /app/dist /usr/share/nginx/html
USER 101
EXPOSE 8080
HEALTHCHECK --interval=30s --timeout=3s --retries=3 CMD wget -q -O /dev/null http://127.0.0.1:8080/ || exit 1
