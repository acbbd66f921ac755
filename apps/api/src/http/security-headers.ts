import type { HelmetOptions } from 'helmet';

/**
 * Security headers for every response. The CSP allows only the platform's own scripts, styles and
 * connections (the built web app has no inline script); images and fonts may also be data: URIs,
 * which Bootstrap Italia's stylesheet uses for its icons.
 */
export function securityHeaders(production: boolean): HelmetOptions {
  return {
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", 'data:'],
        fontSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
        // Only where the platform is served over HTTPS: on plain-HTTP localhost it would break.
        ...(production ? { upgradeInsecureRequests: [] } : {}),
      },
    },
    frameguard: { action: 'deny' },
    referrerPolicy: { policy: 'no-referrer' },
    // HSTS only in production: a development browser should not pin localhost to HTTPS.
    strictTransportSecurity: production ? { maxAge: 31_536_000, includeSubDomains: true } : false,
    crossOriginEmbedderPolicy: false,
  };
}
