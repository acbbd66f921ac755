import { ArgsType, Field, Int, ObjectType } from '@nestjs/graphql';
import { IsInt, Max, Min } from 'class-validator';
import { MAX_PAGE_SIZE, Page, PageRequest } from '../common/pagination';
import { SizedByParentPage } from './query-cost';

@ArgsType()
export class PageArgs implements PageRequest {
  @Field(() => Int, { defaultValue: 20, description: `Page size, 1–${MAX_PAGE_SIZE}.` })
  @IsInt()
  @Min(1)
  @Max(MAX_PAGE_SIZE)
  first = 20;

  @Field(() => Int, { defaultValue: 0, description: 'How many items to skip.' })
  @IsInt()
  @Min(0)
  @Max(1_000_000)
  offset = 0;
}

type Class<T> = new (...args: never[]) => T;

/** A GraphQL page type for a model: `{ items, totalCount, hasNextPage }`. */
export function Paginated<T>(model: Class<T>, name: string): Class<Page<T>> {
  @ObjectType(name, { isAbstract: false })
  class PageType implements Page<T> {
    @SizedByParentPage() @Field(() => [model]) items!: T[];
    @Field(() => Int) totalCount!: number;
    @Field() hasNextPage!: boolean;
  }
  return PageType;
}
