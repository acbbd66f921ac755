import { Global, Module } from '@nestjs/common';
import { TransactionalConnection } from './transactional-connection';

@Global()
@Module({
  providers: [TransactionalConnection],
  exports: [TransactionalConnection],
})
export class CommonModule {}
