import { DynamicModule, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { EntitySchema, MixedList } from 'typeorm';
import { buildDataSourceOptions } from './data-source.options';

@Module({})
export class DatabaseModule {
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  static forRoot(url: string, entities: MixedList<Function | string | EntitySchema>): DynamicModule {
    return {
      module: DatabaseModule,
      imports: [TypeOrmModule.forRoot(buildDataSourceOptions(url, entities))],
      exports: [TypeOrmModule],
    };
  }
}
