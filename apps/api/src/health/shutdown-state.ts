import { Injectable } from '@nestjs/common';

/** Whether this instance is stopping: readiness answers 503 from then on, so traffic goes elsewhere. */
@Injectable()
export class ShutdownState {
  private stopping = false;

  get draining(): boolean {
    return this.stopping;
  }

  begin(): void {
    this.stopping = true;
  }
}
