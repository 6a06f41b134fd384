import type { Provider, ProviderType } from '../../src/schema/provider.js';

export function provider(type: ProviderType, baseURL: string, name = 'fake'): Provider {
  return {
    apiVersion: 'modelshift.dev/v1',
    kind: 'Provider',
    metadata: { name },
    spec: { type, baseURL, apiKeyEnv: 'FAKE_API_KEY' },
  };
}

export const KEY = 'sk-test-0123456789abcdef';
