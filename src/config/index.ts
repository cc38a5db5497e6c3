export { loadConfig, describeConfig, ConfigError, type Config, type DatabaseConfig, type CacheConfig } from './load.ts';
export { CONFIG_SCHEMA, CONFIG_KEYS, type ConfigKey, type PiiKey } from './schema.ts';
