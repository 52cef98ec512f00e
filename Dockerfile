# footnote as a container: `docker build -t footnote .` then
#   docker run -d --name footnote --restart unless-stopped --env-file .env -v footnote-data:/data footnote
# Your own texts: add -v "$PWD/corpus:/app/corpus:ro". See docs/discord.md.

# Build: hnswlib-node and better-sqlite3 compile native code, so this stage has python3, make and g++.
FROM node:20-bookworm-slim AS build
RUN apt-get update \
 && apt-get install -y --no-install-recommends python3 make g++ \
 && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY package.json package-lock.json tsconfig.json ./
COPY bin ./bin
COPY src ./src
# npm ci runs the prepare script (tsc), so the sources are copied first; dev dependencies go once dist/ is built.
RUN npm ci && npm prune --omit=dev
COPY corpus ./corpus
# Convert the word vectors into the image once, so a new container answers in seconds.
RUN FOOTNOTE_MODEL_DIR=/app/models FOOTNOTE_DATA_DIR=/tmp/footnote-build node bin/footnote.js ingest && rm -rf /tmp/footnote-build

FROM node:20-bookworm-slim
WORKDIR /app
COPY --from=build /app /app
ENV NODE_ENV=production \
    FOOTNOTE_CORPUS_DIR=/app/corpus \
    FOOTNOTE_MODEL_DIR=/app/models \
    FOOTNOTE_DATA_DIR=/data \
    FOOTNOTE_DB=/data/footnote.sqlite
RUN mkdir -p /data && chown node:node /data
VOLUME /data
USER node
# footnote finishes the answers in flight on SIGTERM (docker stop), then exits 0.
STOPSIGNAL SIGTERM
CMD ["node", "bin/footnote.js", "start"]
