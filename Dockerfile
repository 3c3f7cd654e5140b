# syntax=docker/dockerfile:1
# Plenum's image. The build stage runs what CI runs (`npm ci`, then `npm run package`, whose tarball
# `npm test` unpacks and starts: test/e2e/package.test.ts); the runtime stage only unpacks that tarball.
#
#   docker build -t plenum .
#   docker run --env-file .env --network host -v plenum-data:/data plenum      (or: docker compose up)

FROM node:22-bookworm AS build
WORKDIR /src
# The npm CI uses: it honours package.json "allowScripts", so mediasoup's and ffmpeg-static's own
# install scripts stay off and scripts/postinstall.mjs obtains the worker, as on CI. The npm 10 that
# comes with Node 22 ignores "allowScripts" and would run them.
ARG NPM_VERSION=11.19.1
RUN npm install -g npm@${NPM_VERSION}
# The mediasoup worker's build libraries, for when no prebuilt worker can be fetched (postinstall
# would install them itself as root; a layer of their own keeps them cached across source changes).
COPY scripts/system-deps.sh scripts/system-deps.sh
RUN bash scripts/system-deps.sh
COPY package.json package-lock.json ./
COPY scripts scripts
RUN npm ci --no-audit --no-fund
COPY . .
RUN npm run package

FROM node:22-bookworm-slim AS runtime
# ffmpeg (broadcast and recordings) and a font for its lower thirds; the shared libraries of a
# mediasoup worker built against Debian's (a prebuilt, static worker ignores them).
RUN apt-get update \
 && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends \
      ffmpeg fonts-dejavu-core libssl3 libuv1 libabsl20220623 libsrtp2-1 libusrsctp2 liburing2 libnss3 \
 && rm -rf /var/lib/apt/lists/*
WORKDIR /opt/plenum
# Unpack only: the tarball is mounted from the build stage, so it is not left in a layer.
RUN --mount=type=bind,from=build,source=/src/dist,target=/release \
    tar -xzf /release/plenum-*.tar.gz --strip-components=1 --no-same-owner -C /opt/plenum \
 && mkdir -p /data && chown node:node /data
ENV NODE_ENV=production \
    HOST=0.0.0.0 \
    PORT=3000 \
    DATA_DIR=/data \
    FFMPEG_BIN=/usr/bin/ffmpeg
# Recordings, HLS output and scratch files; the database is PostgreSQL (DATABASE_URL).
VOLUME ["/data"]
# HTTP; WebRTC uses RTC_MIN_PORT–RTC_MAX_PORT (UDP and TCP) on RTC_ANNOUNCED_ADDRESS (compose.yaml).
EXPOSE 3000
USER node
# Liveness (/healthz answers while the process does); readiness is /readyz, for a load balancer.
HEALTHCHECK --interval=15s --timeout=5s --start-period=60s --retries=3 \
  CMD ["node", "-e", "fetch(`http://127.0.0.1:${process.env.PORT}/healthz`).then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
# bin/plenum execs node, so node is PID 1 and gets SIGTERM directly (server/main.ts stops cleanly).
CMD ["/opt/plenum/bin/plenum"]
