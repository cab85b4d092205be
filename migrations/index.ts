import { Identity1795400000000 } from './1795400000000-Identity';
import { Files1795400000100 } from './1795400000100-Files';
import { Realtime1795400000200 } from './1795400000200-Realtime';
import { WorkingCalendar1795400000300 } from './1795400000300-WorkingCalendar';
import { IncomingDocuments1795400000400 } from './1795400000400-IncomingDocuments';
import { Assignments1795400000500 } from './1795400000500-Assignments';
import { IncomingSearch1795400000600 } from './1795400000600-IncomingSearch';
import { IncomingLists1795400000700 } from './1795400000700-IncomingLists';
import { Notifications1795400000800 } from './1795400000800-Notifications';
import { IncomingReplyAndRefusal1795400000900 } from './1795400000900-IncomingReplyAndRefusal';
import { Signatures1795400001000 } from './1795400001000-Signatures';
import { IncomingSearchSpeed1795400001100 } from './1795400001100-IncomingSearchSpeed';
import { OutgoingDrafts1795400001200 } from './1795400001200-OutgoingDrafts';
import { OutgoingIssuance1795400001300 } from './1795400001300-OutgoingIssuance';
import { OutgoingDispatch1795400001400 } from './1795400001400-OutgoingDispatch';
import { OutgoingReplacement1795400001500 } from './1795400001500-OutgoingReplacement';
import { Exchange1795400002000 } from './1795400002000-Exchange';
import { CaseFiles1795400002100 } from './1795400002100-CaseFiles';
import { CaseFileConfidentialDocuments1795400002101 } from './1795400002101-CaseFileConfidentialDocuments';
import { Meetings1795400002200 } from './1795400002200-Meetings';
import { MeetingProceedings1795400002210 } from './1795400002210-MeetingProceedings';
import { MeetingInvitationLetter1795400002220 } from './1795400002220-MeetingInvitationLetter';
import { MeetingAnnotations1795400002250 } from './1795400002250-MeetingAnnotations';
import { Tasks1795400002300 } from './1795400002300-Tasks';
import { Dashboard1795400002310 } from './1795400002310-Dashboard';
import { TaskDecisionIndexes1795400002320 } from './1795400002320-TaskDecisionIndexes';
import { DashboardProcessingSpeed1795400002330 } from './1795400002330-DashboardProcessingSpeed';
import { ExchangeReplacement1795400002450 } from './1795400002450-ExchangeReplacement';

/**
 * Every migration, in order. Listed explicitly (not found by a file pattern) so that the same list
 * works from TypeScript in tests and from the compiled output in production.
 */
export const MIGRATIONS: Function[] = [Identity1795400000000, Files1795400000100, Realtime1795400000200, WorkingCalendar1795400000300, IncomingDocuments1795400000400, Assignments1795400000500, IncomingSearch1795400000600, IncomingLists1795400000700, Notifications1795400000800, IncomingReplyAndRefusal1795400000900, Signatures1795400001000, IncomingSearchSpeed1795400001100, OutgoingDrafts1795400001200, OutgoingIssuance1795400001300, OutgoingDispatch1795400001400, OutgoingReplacement1795400001500, Exchange1795400002000, CaseFiles1795400002100, CaseFileConfidentialDocuments1795400002101, Meetings1795400002200, MeetingProceedings1795400002210, MeetingInvitationLetter1795400002220, MeetingAnnotations1795400002250, Tasks1795400002300, Dashboard1795400002310, TaskDecisionIndexes1795400002320, DashboardProcessingSpeed1795400002330, ExchangeReplacement1795400002450];
