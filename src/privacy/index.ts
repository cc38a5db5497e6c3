/** Personal data protection: encryption at rest (AES-256-GCM keyring) and masking for display and logs. */
export {
  DEMO_KEY_FILE,
  PiiError,
  decryptPii,
  encryptPii,
  loadKeyring,
  maskAddress,
  maskPhone,
  needsReencryption,
  reencryptPii,
  tokenKid,
  type Keyring,
  type PiiErrorReason,
  type PiiKey,
} from './pii.ts';
