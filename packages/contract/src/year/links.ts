/** Web paths the server puts in notices (the web router serves them). */
export const yearLinks = {
  myYear: "/nam-cua-toi",
  petitions: "/kien-nghi",
  classification: "/xep-loai",
} as const;
