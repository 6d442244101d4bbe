// Schemas of the policies capability.
export {}
