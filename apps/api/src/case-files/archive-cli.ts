/**
 * `npm run archive -- verify PACKAGE`: checks an archive package (the ZIP the API delivers, or
 * the folder it was unpacked into) against its manifest-sha256.txt, and names every file that is
 * missing, changed or unexpected. Exit 0 when the package is intact, 1 when it is not, 2 on a
 * usage error or an unreadable package. Runs from the sources (no build needed after `npm ci`).
 */
import { verifyPackage } from './archive/package-manifest';

const USAGE = 'Cách dùng / usage: npm run archive -- verify <gói.zip | thư mục>';

async function main(argv: string[]): Promise<number> {
  const [command, path, ...rest] = argv;
  if (command !== 'verify' || !path || rest.length) {
    process.stderr.write(`${USAGE}\n`);
    return 2;
  }
  let result;
  try {
    result = await verifyPackage(path);
  } catch (error) {
    process.stderr.write(`Không đọc được gói / cannot read the package ${path}: ${(error as Error).message}\n`);
    return 2;
  }
  for (const problem of result.problems) {
    if (problem.kind === 'missing') process.stdout.write(`THIẾU / MISSING: ${problem.path}\n`);
    else if (problem.kind === 'changed') process.stdout.write(`ĐÃ BỊ THAY ĐỔI / CHANGED: ${problem.path} (sha256 ${problem.expected} → ${problem.found})\n`);
    else process.stdout.write(`KHÔNG CÓ TRONG DANH SÁCH / UNEXPECTED: ${problem.path}\n`);
  }
  if (result.ok) {
    process.stdout.write(`OK: ${result.checked} tệp khớp mã SHA-256 / ${result.checked} files match their SHA-256\n`);
    return 0;
  }
  process.stdout.write(`KHÔNG TOÀN VẸN / NOT INTACT: ${result.problems.length} vấn đề / problem(s) in ${path}\n`);
  return 1;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`${(error as Error).stack ?? String(error)}\n`);
    process.exit(2);
  },
);
