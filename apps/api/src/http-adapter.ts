import * as http from 'node:http';
import { ExpressAdapter } from '@nestjs/platform-express';
import express from 'express';

/**
 * Express 5 gives every request and response the app's prototypes with `Object.setPrototypeOf` (app.handle). V8
 * then keeps each request's objects alive past two young-generation collections: in a CPU profile of `{ __typename }`
 * under load, about 10 KB per request was promoted to the old generation, so scavenges copied megabytes (5–7 ms
 * pauses every ~100 ms) and mark-compacts followed; a bare Express app served 2.7× fewer requests than with this.
 * Here Node's HTTP server creates requests and responses whose prototype already is the app's (http.createServer's
 * IncomingMessage / ServerResponse options), so Express's setPrototypeOf finds the same prototype and does nothing.
 * Everything else about Express is unchanged (the objects are the same shape, `instanceof` holds).
 */
export class PrototypedExpressAdapter extends ExpressAdapter {
  constructor() {
    super(express());
  }

  override initHttpServer(options: Parameters<ExpressAdapter['initHttpServer']>[0]) {
    // HTTPS and Nest's connection options keep Nest's own server (not used by this app)
    if (options?.httpsOptions || options?.forceCloseConnections || options?.return503OnClosing) return super.initHttpServer(options);
    const app = this.getInstance<express.Express>();
    // Functions, not classes: Node's constructors are called with `new`, and the prototype is the app's own object.
    function Request(this: http.IncomingMessage, socket: any) {
      http.IncomingMessage.call(this, socket);
    }
    Request.prototype = app.request;
    function Response(this: http.ServerResponse, req: http.IncomingMessage, opts?: any) {
      (http.ServerResponse as any).call(this, req, opts);
    }
    Response.prototype = app.response;
    this.setHttpServer(http.createServer({ IncomingMessage: Request as any, ServerResponse: Response as any }, app));
  }
}
