// Fixed, obviously-fake secrets for tests; real ones only ever come from the environment.
export const TEST_ENV = {
  NODE_ENV: "test",
  NEXTAUTH_SECRET: "test-nextauth-secret-0123456789abcdef0123456789",
  UPLOAD_SIGNING_SECRET: "test-upload-secret-0123456789abcdef0123456789",
  UNSUBSCRIBE_SECRET: "test-unsubscribe-secret-0123456789abcdef012345",
  TOTP_ENCRYPTION_KEY: "7e575e0e7e575e0e7e575e0e7e575e0e7e575e0e7e575e0e7e575e0e7e575e0e",
  STRIPE_SECRET_KEY: "sk_test_marketplace_tests",
  STRIPE_WEBHOOK_SECRET: "whsec_marketplace_tests",
  STRIPE_CONNECT_WEBHOOK_SECRET: "whsec_marketplace_connect_tests",
  NEXT_PUBLIC_STRIPE_PUBLISHABLE_KEY: "pk_test_marketplace_tests",
  APP_URL: "http://localhost:3000",
  CARRIER_WEBHOOK_SECRET: "carrier-webhook-secret-for-tests",
  LOG_LEVEL: "silent",
  METRICS_TOKEN: "metrics-token-for-tests-0123456789",
  // A key pair generated once for the tests (web-push generate-vapid-keys).
  VAPID_PUBLIC_KEY: "BFmg9P3CpkJ2z7Y6ToPST5HReBmo1weRhpu6RHSE7o5nAoVzX_wGvYkXkWIMedCSOXtGW_xQHEcKevUo5thXP2M",
  VAPID_PRIVATE_KEY: "C-M8XyVrDIVyY4jctHFXexNFDvfSfTLCwl-3_mnjHjA",
} as const;
