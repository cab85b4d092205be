import { plainToInstance, Transform } from 'class-transformer';
import {
  IsBoolean,
  IsEmail,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUrl,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateIf,
  validateSync,
  ValidationError,
} from 'class-validator';
import { ORGAN_ID_PATTERN } from '@app/contracts';

const toInt = ({ value }: { value: unknown }) =>
  value === undefined || value === '' ? undefined : /^-?\d+$/.test(String(value).trim()) ? Number(value) : value;
const toBool = ({ value }: { value: unknown }) => {
  if (value === undefined || value === '') return undefined;
  const text = String(value).trim().toLowerCase();
  if (['1', 'true', 'yes', 'on'].includes(text)) return true;
  if (['0', 'false', 'no', 'off'].includes(text)) return false;
  return value;
};
const toList = ({ value }: { value: unknown }) =>
  value === undefined || value === ''
    ? []
    : String(value)
        .split(',')
        .map((item) => item.trim())
        .filter(Boolean);
const emptyToUndefined = ({ value }: { value: unknown }) => (value === '' ? undefined : value);

/**
 * Everything the API reads from its environment, read once at start and validated.
 * Nothing else in the code reads process.env: it asks for AppConfig.
 */
export class AppConfig {
  @IsIn(['development', 'production', 'test'])
  NODE_ENV: 'development' | 'production' | 'test' = 'development';

  @Transform(toInt) @Min(0) @Max(65535) @IsInt()
  PORT = 3000;

  @IsString()
  HOST = '0.0.0.0';

  @IsIn(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
  LOG_LEVEL = 'info';

  /** Where the embedded database and the local file store live when no servers are configured. */
  @IsString()
  DATA_DIR = './var';

  /** postgres://user:pass@host:port/db — without it an embedded PostgreSQL is started under DATA_DIR. */
  @Transform(emptyToUndefined)
  @IsOptional()
  @Matches(/^postgres(ql)?:\/\/.+/, { message: 'must be a postgres:// URL' })
  DATABASE_URL?: string;

  /** Port of the embedded PostgreSQL (only without DATABASE_URL); 0 picks a free one. */
  @Transform(toInt) @Min(0) @Max(65535) @IsInt()
  EMBEDDED_DB_PORT = 54320;

  @Transform(toInt) @Min(1) @Max(200) @IsInt()
  DATABASE_POOL_SIZE = 10;

  /** `local` (disk under DATA_DIR/files) or `s3` (MinIO or any S3). Defaults to s3 when S3_ENDPOINT is set. */
  @Transform(emptyToUndefined)
  @IsOptional()
  @IsIn(['local', 's3'])
  STORAGE_DRIVER?: 'local' | 's3';

  @Transform(emptyToUndefined)
  @IsOptional()
  @IsString()
  STORAGE_LOCAL_DIR?: string;

  @Transform(emptyToUndefined)
  @IsOptional()
  @IsUrl({ require_tld: false, require_protocol: true, protocols: ['http', 'https'] }, { message: 'must be a URL such as http://minio:9000' })
  S3_ENDPOINT?: string;

  @Transform(emptyToUndefined) @IsOptional() @IsString()
  S3_ACCESS_KEY?: string;

  @Transform(emptyToUndefined) @IsOptional() @IsString()
  S3_SECRET_KEY?: string;

  @IsString() @Matches(/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/, { message: 'must be a valid bucket name (3–63 lower-case letters, digits, dots, dashes)' })
  S3_BUCKET = 'eoffice';

  @IsString()
  S3_REGION = 'us-east-1';

  /** Part size for multipart uploads to S3, in bytes (at least 5 MiB). */
  @Transform(toInt) @Min(5 * 1024 * 1024) @IsInt()
  S3_PART_SIZE = 64 * 1024 * 1024;

  /** Largest file accepted by an upload, in bytes. */
  @Transform(toInt) @Min(1) @IsInt()
  UPLOAD_MAX_BYTES = 100 * 1024 * 1024;

  /** Largest JSON or form body, e.g. `1mb`. */
  @Matches(/^\d+(b|kb|mb)$/i, { message: 'must look like 512kb or 1mb' })
  BODY_LIMIT = '1mb';

  /** Secret that signs access tokens; required in production, at least 32 characters. */
  @Transform(emptyToUndefined) @IsOptional() @IsString() @MinLength(32)
  JWT_SECRET?: string;

  @Transform(toInt) @Min(30) @Max(86400) @IsInt()
  ACCESS_TOKEN_TTL_SECONDS = 900;

  @Transform(toInt) @Min(1) @Max(365) @IsInt()
  REFRESH_TOKEN_TTL_DAYS = 14;

  @Transform(toInt) @Min(1) @Max(100) @IsInt()
  LOGIN_MAX_FAILURES = 5;

  @Transform(toInt) @Min(1) @Max(1440) @IsInt()
  LOGIN_LOCK_MINUTES = 15;

  /** Requests per minute per client on login. */
  @Transform(toInt) @Min(1) @IsInt()
  LOGIN_RATE_LIMIT_PER_MINUTE = 20;

  /** Requests per minute per client on the rest of the API. */
  @Transform(toInt) @Min(1) @IsInt()
  API_RATE_LIMIT_PER_MINUTE = 1200;

  /** Origins allowed by CORS, comma-separated; empty means CORS stays closed (same origin only). */
  @Transform(toList) @IsString({ each: true })
  CORS_ORIGINS: string[] = [];

  /** Send cookies only over HTTPS; defaults to true in production. */
  @Transform(toBool) @IsOptional() @IsBoolean()
  COOKIE_SECURE?: boolean;

  /** Behind a load balancer, trust X-Forwarded-* from it (number of hops). */
  @Transform(toInt) @Min(0) @Max(10) @IsInt()
  TRUST_PROXY_HOPS = 0;

  /** Seed the demo agency on first start (default: yes, except in production). */
  @Transform(toBool) @IsOptional() @IsBoolean()
  DEMO_SEED?: boolean;

  /** The agency this installation serves; written to the organ directory on first start. */
  @Matches(ORGAN_ID_PATTERN, { message: 'must be an organ id such as 000.00.00.G10' })
  ORGAN_ID = '000.00.00.G10';

  @IsString() @MinLength(2) @MaxLength(300)
  ORGAN_NAME = 'Bộ Y tế';

  @IsString() @MinLength(1) @MaxLength(20)
  ORGAN_NOTATION = 'BYT';

  /** Where the built web app is; served at / when it exists. */
  @IsString()
  WEB_DIST_DIR = 'dist/web/browser';

  /** OpenID Connect single sign-on: enabled when OIDC_ISSUER is set (then the three below are required). */
  @Transform(emptyToUndefined) @IsOptional() @IsUrl({ require_tld: false, require_protocol: true })
  OIDC_ISSUER?: string;

  @Transform(emptyToUndefined) @IsOptional() @IsString()
  OIDC_CLIENT_ID?: string;

  @Transform(emptyToUndefined) @IsOptional() @IsString()
  OIDC_CLIENT_SECRET?: string;

  @Transform(emptyToUndefined) @IsOptional() @IsUrl({ require_tld: false, require_protocol: true })
  OIDC_REDIRECT_URI?: string;

  /** The claim that carries the username matched against our users. */
  @IsString()
  OIDC_USERNAME_CLAIM = 'preferred_username';

  @IsString()
  OIDC_LABEL = 'Đăng nhập một lần (SSO)';

  /** Run pg-boss workers in this process (turn off for API-only replicas). */
  @Transform(toBool) @IsBoolean()
  JOBS_ENABLED = true;

  /**
   * Give scans a text layer with OCR (ocrmypdf + tesseract's Vietnamese data, installed from
   * Debian). Used only where both are installed; false turns it off even then.
   */
  @Transform(toBool) @IsBoolean()
  OCR_ENABLED = true;

  /** Longest one OCR run may take (an A4 page takes ~2 s on 2 cores); below pg-boss's 15-minute job expiry. */
  @Transform(toInt) @Min(10) @Max(3600) @IsInt()
  OCR_TIMEOUT_SECONDS = 600;

  /**
   * The agency's mail server for meeting invitations by e-mail (nodemailer). Empty: invitations go
   * as notifications in the system only. With it, SMTP_FROM is required.
   */
  @IsString()
  SMTP_HOST = '';

  /** 587 (STARTTLS) by default; 465 with SMTP_SECURE=true. */
  @Transform(toInt) @Min(1) @Max(65535) @IsInt()
  SMTP_PORT = 587;

  /** TLS from the first byte (port 465); otherwise STARTTLS when the server offers it. */
  @Transform(toBool) @IsBoolean()
  SMTP_SECURE = false;

  /** Login for the mail server; empty for a relay that needs none. */
  @IsString()
  SMTP_USER = '';

  @IsString()
  SMTP_PASSWORD = '';

  /** The sender, e.g. `"Văn phòng Bộ Y tế" <hop@byt.gov.vn>`. */
  @ValidateIf((config: AppConfig) => Boolean(config.SMTP_HOST))
  @IsEmail({ allow_display_name: true }, { message: 'must be an address such as "Văn phòng Bộ" <hop@example.gov.vn> (required with SMTP_HOST)' })
  SMTP_FROM = '';

  /**
   * The national document exchange axis (trục liên thông văn bản quốc gia): on when AXIS_ENDPOINT is
   * set (then AXIS_SECRET is required). The centre's id defaults to ORGAN_ID.
   */
  @Transform(emptyToUndefined) @IsOptional() @IsUrl({ require_tld: false, require_protocol: true, protocols: ['http', 'https'] }, { message: 'must be a URL such as https://axis.example.gov.vn/' })
  AXIS_ENDPOINT?: string;

  @Transform(emptyToUndefined) @IsOptional() @IsString() @MinLength(16)
  AXIS_SECRET?: string;

  @Transform(emptyToUndefined) @IsOptional() @Matches(/^[A-Za-z0-9.]{1,50}$/, { message: 'must be the centre id the axis knows (letters, digits, dots)' })
  AXIS_SYSTEM_ID?: string;

  /** Longest one call to the axis may take. */
  @Transform(toInt) @Min(1) @Max(600) @IsInt()
  AXIS_TIMEOUT_SECONDS = 60;

  /** First wait before a failed send is tried again; it doubles with each failure (pg-boss back-off). */
  @Transform(toInt) @Min(1) @Max(3600) @IsInt()
  AXIS_RETRY_DELAY_SECONDS = 30;

  /** Tries of one send job; a message still waiting after them is queued again by the minutely sweep. */
  @Transform(toInt) @Min(0) @Max(100) @IsInt()
  AXIS_RETRY_LIMIT = 10;

  get isProduction(): boolean {
    return this.NODE_ENV === 'production';
  }
  get storageDriver(): 'local' | 's3' {
    return this.STORAGE_DRIVER ?? (this.S3_ENDPOINT ? 's3' : 'local');
  }
  get cookieSecure(): boolean {
    return this.COOKIE_SECURE ?? this.isProduction;
  }
  get demoSeed(): boolean {
    return this.DEMO_SEED ?? !this.isProduction;
  }
  get axisEnabled(): boolean {
    return Boolean(this.AXIS_ENDPOINT);
  }
  get oidcEnabled(): boolean {
    return Boolean(this.OIDC_ISSUER);
  }
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Cấu hình không hợp lệ / Invalid configuration:\n${problems.map((problem) => `  - ${problem}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

function describe(errors: ValidationError[], environment: Record<string, string | undefined>): string[] {
  return errors.flatMap((error) => {
    const given = environment[error.property];
    const shown = given === undefined ? 'not set' : /SECRET|PASSWORD|KEY/.test(error.property) ? 'hidden' : JSON.stringify(given);
    return Object.values(error.constraints ?? {}).map((constraint) => `${error.property}: ${constraint.replace(error.property + ' ', '')} (got ${shown})`);
  });
}

/** Reads and validates the environment once; throws ConfigError naming every wrong variable. */
export function loadConfig(environment: Record<string, string | undefined>): AppConfig {
  const known = Object.keys(new AppConfig());
  const input: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(environment)) if (known.includes(name) || name.startsWith('OIDC_') || name.startsWith('S3_') || name.startsWith('AXIS_')) input[name] = value;
  const config = plainToInstance(AppConfig, input, { exposeDefaultValues: true });
  const problems = describe(validateSync(config, { stopAtFirstError: true }), environment);

  if (config.isProduction && !config.JWT_SECRET) problems.push('JWT_SECRET: is required in production (at least 32 characters)');
  if (config.storageDriver === 's3') {
    for (const name of ['S3_ENDPOINT', 'S3_ACCESS_KEY', 'S3_SECRET_KEY'] as const)
      if (!config[name]) problems.push(`${name}: is required when STORAGE_DRIVER is s3 (not set)`);
  }
  if (config.oidcEnabled) {
    for (const name of ['OIDC_CLIENT_ID', 'OIDC_CLIENT_SECRET', 'OIDC_REDIRECT_URI'] as const)
      if (!config[name]) problems.push(`${name}: is required when OIDC_ISSUER is set (not set)`);
  }
  if (config.AXIS_ENDPOINT && !config.AXIS_SECRET) problems.push('AXIS_SECRET: is required when AXIS_ENDPOINT is set (not set)');
  if (problems.length) throw new ConfigError(problems);
  return config;
}
