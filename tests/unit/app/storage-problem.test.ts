import { afterEach, describe, expect, it } from 'vitest';
import { AppError } from '../../../src/core/errors';
import { dismissStorageProblem, reportStorageProblem, storageProblem } from '../../../src/lib/storage';

afterEach(dismissStorageProblem);

describe('reportStorageProblem', () => {
  it('raises the banner for a full disk', () => {
    expect(reportStorageProblem(new DOMException('The quota has been exceeded.', 'QuotaExceededError'))).toBe(
      true,
    );
    expect(storageProblem()).toMatchObject({ kind: 'quota-exceeded' });
    dismissStorageProblem();
    expect(storageProblem()).toBeNull();
  });

  it('raises it for storage that went away', () => {
    const error = new AppError({ kind: 'storage-unavailable', message: 'gone', retryable: false });
    expect(reportStorageProblem(error)).toBe(true);
    expect(storageProblem()).toMatchObject({ kind: 'storage-unavailable', message: 'gone' });
  });

  it('leaves other errors alone', () => {
    expect(reportStorageProblem(new Error('network down'))).toBe(false);
    expect(reportStorageProblem(new AppError({ kind: 'read-only', message: 'no', retryable: false }))).toBe(
      false,
    );
    expect(storageProblem()).toBeNull();
  });
});
