/**
 * Where to go after login. Only a path inside this app is followed — never another site
 * (`//evil.example`, `https://…`), never the login page itself — otherwise the desk.
 */
export function safeReturnUrl(value: string | null | undefined): string {
  if (!value || !value.startsWith('/') || value.startsWith('//') || value.startsWith('/\\')) return '/desk';
  if (value === '/login' || value.startsWith('/login?') || value.startsWith('/login/')) return '/desk';
  return value;
}
