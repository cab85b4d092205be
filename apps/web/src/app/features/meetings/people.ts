import type { UserDto } from '@app/contracts';
import { EMPTY, Observable, expand, map, reduce } from 'rxjs';
import type { ApiClient } from '../../core/api/api-client';

/** The largest page the users list gives. */
const PAGE = 200;

/** Every active user of the agency, page after page (a ministry has a few thousand): for choosing participants. */
export function activePeople(client: ApiClient): Observable<UserDto[]> {
  return client.users({ limit: PAGE }).pipe(
    expand((page) => (page.nextCursor ? client.users({ limit: PAGE, cursor: page.nextCursor }) : EMPTY)),
    map((page) => page.items.filter((user) => user.active)),
    reduce((all, items) => [...all, ...items], [] as UserDto[]),
  );
}
