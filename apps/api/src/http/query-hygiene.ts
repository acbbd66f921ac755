import { inputHygieneErrors, userInputError } from '@vec/core';
import type { NextFunction, Request, Response } from 'express';

/**
 * The HTTP routes (exports, open data) take their filters as query parameters: a NUL character or
 * a lone surrogate in one is refused with 400 naming the parameter, as GraphQL arguments are
 * (GraphQL checks its own, variables included, against the schema's types).
 */
export function queryHygiene(req: Request, res: Response, next: NextFunction): void {
  const problems = inputHygieneErrors(req.query, '');
  if (problems.length === 0) return next();
  const refusal = userInputError(problems);
  res.status(400).json({ code: 'BAD_USER_INPUT', message: refusal.message, fields: problems });
}
