# syntax=docker/dockerfile:1
# Lianluo: the API server with the built console, for a PostgreSQL given by DATABASE_URL
# (see docker-compose.yml). Without DATABASE_URL it starts the embedded PostgreSQL in /app/data.

# ---- build: all dependencies; compile the server (tsc) and the console (vite)
FROM node:20-bookworm-slim AS build
WORKDIR /app
# manifests first, so the dependency layer is reused while only sources change
COPY package.json package-lock.json ./
COPY server/package.json server/
COPY admin/package.json admin/
RUN npm ci --no-audit --no-fund
COPY . .
RUN npm run build

# ---- production dependencies of the server only (the console is static files by now)
FROM node:20-bookworm-slim AS prod-deps
WORKDIR /app
COPY package.json package-lock.json ./
COPY server/package.json server/
COPY admin/package.json admin/
RUN npm ci --omit=dev --workspace=server --include-workspace-root --no-audit --no-fund \
 && npm cache clean --force

# ---- runtime, as the unprivileged `node` user
FROM node:20-bookworm-slim
ENV NODE_ENV=production \
    PORT=4000
WORKDIR /app
COPY --from=prod-deps /app/package.json /app/package-lock.json ./
COPY --from=prod-deps /app/node_modules ./node_modules
COPY --from=build /app/server/package.json ./server/package.json
COPY --from=build /app/server/dist ./server/dist
COPY --from=build /app/admin/dist ./admin/dist
# DATA_DIR (./data) for the embedded PostgreSQL when no DATABASE_URL is given
RUN mkdir -p /app/data && chown node:node /app/data
USER node
EXPOSE 4000
# alive; docker-compose.yml checks /readyz (database reachable) as well
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 4000) + '/healthz').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
# node itself is PID 1: main.ts handles SIGTERM (stops the server and the database cleanly)
CMD ["node", "server/dist/server/src/main.js"]
