import { Injectable } from '@nestjs/common';
import { DataSource, EntityTarget, ObjectLiteral, Repository } from 'typeorm';
import { RequestContext } from './request-context';

/**
 * Carries a transaction in the request context: services ask it for repositories, and a
 * multi-row write runs every statement, audit rows included, in one transaction.
 */
@Injectable()
export class TransactionalConnection {
  constructor(readonly dataSource: DataSource) {}

  /** Runs `work` in the context's transaction, opening one if there is none yet. */
  withTransaction<T>(ctx: RequestContext, work: (ctx: RequestContext) => Promise<T>): Promise<T> {
    if (ctx.manager) return work(ctx);
    return this.dataSource.transaction((manager) => work(ctx.withManager(manager)));
  }

  repository<E extends ObjectLiteral>(ctx: RequestContext, entity: EntityTarget<E>): Repository<E> {
    return (ctx.manager ?? this.dataSource.manager).getRepository(entity);
  }
}
