# One image for every IT-RO Federation program: the gateway, the network subgraph and the cluster
# subgraph. The command picks the program (see docker-compose.yml); the environment configures it
# (shared/config.ts, .env.example).

# ---- build: compile TypeScript and keep only production dependencies ----
FROM node:20-bookworm-slim AS build

# better-sqlite3 (the embedded backend) compiles its native addon with node-gyp.
RUN apt-get update \
  && apt-get install -y --no-install-recommends python3 make g++ \
  && rm -rf /var/lib/apt/lists/*

WORKDIR /app

COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund

COPY tsconfig.json tsconfig.build.json ./
COPY shared ./shared
COPY gateway ./gateway
COPY subgraphs ./subgraphs
COPY scripts ./scripts
COPY seed ./seed
COPY web ./web
RUN npm run build \
  && npm prune --omit=dev --no-audit --no-fund

# ---- runtime: node, the compiled code and its production dependencies, run as `node` ----
FROM node:20-bookworm-slim AS runtime

ENV NODE_ENV=production \
    HOST=0.0.0.0
WORKDIR /app

COPY --from=build /app/package.json ./package.json
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
# The embedded (SQLite) default writes under DATA_DIR=data; deployments set database URLs instead.
# The network service keeps the token signing keys under /var/lib/itro/auth (a volume).
RUN mkdir -p /app/data /var/lib/itro/auth && chown node:node /app/data /var/lib/itro/auth

USER node
EXPOSE 4000 4001 4101-4109
CMD ["node", "--max-semi-space-size=64", "dist/scripts/start-gateway.js"]
