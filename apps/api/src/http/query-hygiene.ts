import { inputHygieneErrors, userInputError } from '@vec/core';
import type { NextFunction, Request, Response } from 'express';

/**
 * The HTTP routes (exports, open data) take their filters as query parameters: a NUL character or
 * a lone surrogate in one is refused with 400 naming the parameter, as GraphQL arguments are.
 */
export function queryHygiene(req: Request, res: Response, next: NextFunction): void {
  // GraphQL checks its own arguments, variables included, against the schema's types.
  if (req.path === '/graphql') return next();
  const problems = inputHygieneErrors(req.query, '');
  if (problems.length === 0) return next();
  const refusal = userInputError(problems);
  res.status(400).json({ code: 'BAD_USER_INPUT', message: refusal.message, fields: problems });
}
