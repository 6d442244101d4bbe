// Pure rules shared by the BFF and the mini-program. No dependencies, safe to bundle into the mini-program.
export * from './beijing-time'
export * from './cutoff'
export * from './id-number'
export * from './masking'
