/** Transforms for query-string parameters, shared by the incoming list and search DTOs (`@Transform(…)`). */

/** A form that sends an untouched field as `issuer=` means "no filter", not "an empty issuer". */
export const blankToUndefined = ({ value }: { value: unknown }) => (typeof value === 'string' && value.trim() === '' ? undefined : value);

/** A number from the query string; absent or empty is no value (a non-number is left to @IsInt to refuse). */
export const toNumber = ({ value }: { value: unknown }) => (value === undefined || value === '' ? undefined : Number(value));
