import { ArgumentsHost, Catch } from '@nestjs/common';
import { GqlExceptionFilter } from '@nestjs/graphql';
import { GraphQLError } from 'graphql';

/**
 * Errors already shaped for clients (bad input, feature errors) go out as they are; without this
 * filter Nest would log each one as an unexpected failure.
 */
@Catch(GraphQLError)
export class GraphQLErrorFilter implements GqlExceptionFilter {
  catch(error: GraphQLError, _host: ArgumentsHost): GraphQLError {
    return error;
  }
}
