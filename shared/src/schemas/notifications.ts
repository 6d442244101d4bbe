// Schemas of the notifications capability.
export {}
