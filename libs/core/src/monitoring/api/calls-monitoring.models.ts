import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { ListSize } from '../../api/query-cost';
import { SelectionCallStatus } from '../../selection-call/selection-call.types';
import { MAX_MONITORED_CALLS } from '../calls-monitoring.service';

@ObjectType('CallCounts', { description: 'Places and applicants of a selection call, or of all the calls of a status, for the dashboard filter.' })
export class CallCountsModel {
  @Field(() => Int, { description: 'The calls’ places (a call’s own, whatever the filter).' }) places!: number;
  @Field(() => Int, { description: 'Admitted applicants whose place is held by a live or completed match.' }) placesFilled!: number;
  @Field(() => Int) applicants!: number;
  @Field(() => Int) excluded!: number;
  @Field(() => Int, { description: 'Waiting in the reserve list now.' }) reserve!: number;
  @Field(() => Int, { description: 'Admitted after the closing from the reserve list, when a place freed.' }) promotedFromReserve!: number;
}

@ObjectType('CallStatusTotals')
export class CallStatusTotalsModel extends CallCountsModel {
  @Field(() => Int) calls!: number;
}

@ObjectType('MonitoredCall')
export class MonitoredCallModel extends CallCountsModel {
  @Field(() => ID) callId!: string;
  @Field() title!: string;
  @Field(() => SelectionCallStatus) status!: SelectionCallStatus;
  @Field(() => String, { nullable: true, description: 'The authorised organisation running it; null for the ministry.' }) organisationName!: string | null;
  @Field() closesAt!: Date;
}

@ObjectType('CallsMonitoring', {
  description:
    'Published selection calls for the dashboard. Place and sector narrow the applicants counted; the category keeps calls giving an offer in it; the period keeps calls whose window overlaps it.',
})
export class CallsMonitoringModel {
  @Field(() => CallStatusTotalsModel) open!: CallStatusTotalsModel;
  @Field(() => CallStatusTotalsModel) closed!: CallStatusTotalsModel;
  @ListSize(MAX_MONITORED_CALLS)
  @Field(() => [MonitoredCallModel], { description: `The calls, latest closing first (at most ${MAX_MONITORED_CALLS}).` })
  calls!: MonitoredCallModel[];
}
