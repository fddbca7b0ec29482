# One image per service, built from the monorepo: docker build --build-arg APP=gateway .
FROM node:24.22.3-bookworm-slim AS build
WORKDIR /src
COPY package.json package-lock.json ./
COPY apps/gateway/package.json apps/gateway/
COPY apps/articles/package.json apps/articles/
COPY apps/media/package.json apps/media/
COPY apps/translation/package.json apps/translation/
COPY apps/social/package.json apps/social/
COPY apps/studio/package.json apps/studio/
COPY libs/contracts/package.json libs/contracts/
COPY libs/config/package.json libs/config/
COPY libs/logging/package.json libs/logging/
COPY libs/persistence/package.json libs/persistence/
COPY libs/messaging/package.json libs/messaging/
COPY libs/runtime/package.json libs/runtime/
COPY libs/testing/package.json libs/testing/
COPY libs/thai/package.json libs/thai/
COPY libs/net/package.json libs/net/
RUN npm ci --no-audit --no-fund
COPY tsconfig.base.json tsconfig.build.json ./
COPY libs libs
COPY apps apps
RUN npm run build && npm prune --omit=dev

FROM node:24.22.3-bookworm-slim
ARG APP
# glibc's mmap threshold fixed: left dynamic, freed large buffers stay resident in the C heap (docs/OPERATIONS.md).
ENV NODE_ENV=production APP=${APP} MALLOC_MMAP_THRESHOLD_=131072
WORKDIR /app
COPY --from=build /src /app
USER node
# An app's own Node flags, if it has any, are in apps/<app>/node-options.
CMD ["sh", "-c", "exec node $(cat apps/${APP}/node-options 2>/dev/null) apps/${APP}/dist/main.js"]
