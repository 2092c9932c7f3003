import { defineConfig } from '@playwright/test';
import base from './playwright.config.ts';

/** The served-build smoke tests: the same browser setup, against BASE_URL (nginx). */
export default defineConfig({ ...base, testDir: 'tests/served', webServer: undefined });
