export { loadConfig, describeConfig, ConfigError, type Config, type ConfigSource, type DatabaseConfig, type CacheConfig } from './load.ts';
export { CONFIG_SCHEMA, CONFIG_KEYS, DEMO_ISSUER, type ConfigKey, type PiiKey } from './schema.ts';
export { describeService, failedService, storageFailureLine, type ServiceName } from './services.ts';
