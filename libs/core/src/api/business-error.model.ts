import { Field, InterfaceType } from '@nestjs/graphql';
import type { Words } from '../messages';

/** Expected business failures, returned as members of result unions rather than thrown. */
@InterfaceType('BusinessError')
export abstract class BusinessErrorModel {
  @Field({ description: 'Machine-readable reason.' }) code!: string;
  @Field({ nullable: true, description: 'The input field concerned, if any.' }) field?: string;
  @Field() message!: string;
  @Field() messageIt!: string;
}

/**
 * What every failure member shares, set by its constructor from the catalogue's words. Each member
 * adds its literal `code` (`readonly code = 'OFFER_FULL' as const`) and its own fields.
 */
export abstract class BusinessFailure {
  abstract readonly code: string;
  /** Makes a failure nominal: an object literal shaped like one does not pass for it. */
  private declare readonly nominal: never;
  readonly message: string;
  readonly messageIt: string;

  constructor(
    words: Words,
    readonly field?: string,
  ) {
    this.message = words.en;
    this.messageIt = words.it;
  }
}
