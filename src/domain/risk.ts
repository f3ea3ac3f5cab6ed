// The risk score rule: likelihood × impact (each 1–5), and the band a score falls in.

export const riskScore = (likelihood: number, impact: number): number => likelihood * impact;

export type RiskBand = 'high' | 'medium' | 'low' | 'minimal';
export const riskBand = (score: number): RiskBand => (score >= 15 ? 'high' : score >= 8 ? 'medium' : score >= 4 ? 'low' : 'minimal');
