// Schemas of the booking capability.
export {}
