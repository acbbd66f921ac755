import type { Type } from '@nestjs/common';
import { createUnionType, type Union } from '@nestjs/graphql';

/** A GraphQL object class: members of a result union are built with `new`. */
type MemberClass = Type<object>;

interface ResultUnionOptions<Members extends readonly [MemberClass, ...MemberClass[]]> {
  name: string;
  description?: string;
  types: () => Members;
}

/**
 * A result union resolved by the class of its value, so a member never depends on a code string
 * and a value of no declared member is a bug reported as such, not taken for the success type.
 */
export function resultUnion<Members extends readonly [MemberClass, ...MemberClass[]]>(options: ResultUnionOptions<Members>): Union<Members> {
  return createUnionType({
    ...options,
    resolveType: (value: unknown) => memberOf(options.name, options.types(), value),
  });
}

/** The declared member `value` is an instance of; throws for anything else. */
export function memberOf<Members extends readonly MemberClass[]>(union: string, members: Members, value: unknown): Members[number] {
  const member = members.find((type) => value instanceof type);
  if (member) return member;
  const got = typeof value === 'object' && value !== null ? value.constructor.name : typeof value;
  throw new Error(`${union}: a ${got} is not one of ${members.map((type) => type.name).join(', ')}`);
}
