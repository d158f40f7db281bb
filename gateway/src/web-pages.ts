import fs from 'node:fs';
import path from 'node:path';
import compression from 'compression';
import express, { type Express } from 'express';

/**
 * What the pages may load: their own files and the gateway's API, nothing from another origin.
 * Styles may be inline (the editor and the charts set them); workers come from the same origin.
 */
const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "worker-src 'self' blob:",
  "connect-src 'self'",
  "frame-ancestors 'none'",
  "base-uri 'self'",
  "form-action 'self'",
].join('; ');

/**
 * Serves the built pages (`npm run build:web`): the dashboard at `/`, the partner finder at
 * `/partners`, the workbench at `/graphiql`. Hashed assets are cached for a year; the pages themselves are asked for again each
 * time, so a new build shows at once. Without a build, `/` says how to make one.
 */
export function mountWebPages(app: Express, webDir: string): void {
  app.use((request, response, next) => {
    if (isPage(request.path)) {
      response.setHeader('Content-Security-Policy', CONTENT_SECURITY_POLICY);
      response.setHeader('X-Content-Type-Options', 'nosniff');
      response.setHeader('Referrer-Policy', 'no-referrer');
    }
    next();
  });
  if (!fs.existsSync(path.join(webDir, 'index.html'))) {
    app.get(['/', '/partners', '/graphiql'], (_request, response) => {
      response.status(503).type('text/plain').send(`The dashboard is not built: run "npm run build:web" (looked in ${webDir}).\n`);
    });
    return;
  }
  // The workbench's editor is a few megabytes of script; compressed, about a quarter of that.
  // Only the pages: the API's answers stay as they are.
  const compress = compression();
  app.use((request, response, next) => (isPage(request.path) ? compress(request, response, next) : next()));
  app.use('/assets', express.static(path.join(webDir, 'assets'), { immutable: true, maxAge: '365d', fallthrough: false }));
  app.get('/', (_request, response) => response.setHeader('Cache-Control', 'no-cache').sendFile(path.join(webDir, 'index.html')));
  app.get('/partners', (_request, response) => response.setHeader('Cache-Control', 'no-cache').sendFile(path.join(webDir, 'partners.html')));
  app.get('/graphiql', (_request, response) => response.setHeader('Cache-Control', 'no-cache').sendFile(path.join(webDir, 'graphiql.html')));
}

function isPage(requestPath: string): boolean {
  return requestPath === '/' || requestPath === '/partners' || requestPath === '/graphiql' || requestPath.startsWith('/assets/');
}
