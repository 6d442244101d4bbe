// Tables of the booking capability.
export {}
