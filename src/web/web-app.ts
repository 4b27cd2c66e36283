import type { NextFunction, Request, Response } from 'express';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { NestExpressApplication } from '@nestjs/platform-express';

/** Where `npm run build:web` writes the app (from src/web or dist/web alike: two levels up). */
export const WEB_DIST_DIR = join(__dirname, '..', '..', 'web', 'dist');
export const WEB_PREFIX = '/app';

/**
 * Serves the built web application at /app/ from the same origin as the API: hashed assets for a
 * year, index.html never cached (it names the current assets, and pages may show identity data),
 * index.html for any other path under /app/ so deep links work; / and /app redirect to /app/.
 */
export function serveWebApp(app: NestExpressApplication, distDir = WEB_DIST_DIR): void {
  const indexFile = join(distDir, 'index.html');
  app.use((req: Request, res: Response, next: NextFunction) => {
    if ((req.method === 'GET' || req.method === 'HEAD') && req.path === '/') return res.redirect(302, `${WEB_PREFIX}/`);
    next();
  });
  app.use(WEB_PREFIX, (req: Request, res: Response, next: NextFunction) => {
    // Express strips the mount path: "/app" arrives as "/", with originalUrl still "/app".
    if (req.originalUrl === WEB_PREFIX) return res.redirect(301, `${WEB_PREFIX}/`);
    next();
  });
  app.useStaticAssets(distDir, {
    prefix: `${WEB_PREFIX}/`,
    index: false,
    fallthrough: true,
    setHeaders: (res, path) => {
      res.setHeader('Cache-Control', /[\\/]assets[\\/]/.test(path) ? 'public, max-age=31536000, immutable' : 'no-cache');
    },
  });
  app.use(WEB_PREFIX, (req: Request, res: Response, next: NextFunction) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return next();
    // A missing hashed asset is a 404, not the app: a stale page must not get HTML for a script.
    if (req.path.startsWith('/assets/')) return next();
    if (!existsSync(indexFile)) {
      res.status(404).type('text/plain').send('The web application is not built: run npm run build');
      return;
    }
    res.setHeader('Cache-Control', 'no-store');
    res.sendFile(indexFile);
  });
}
