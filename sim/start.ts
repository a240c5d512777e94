// Interface owned by the simulator issue (#2); the implementation replaces this file.
export interface SimulatorOptions {
  host: string;
  port: number;
  rootPassword: string;
}

export interface SimulatorHandle {
  url: string;
  port: number;
  close(): Promise<void>;
}

export function startSimulator(options: Partial<SimulatorOptions>): Promise<SimulatorHandle> {
  return Promise.reject(new Error(`simulator not built yet (${JSON.stringify(options.port)})`));
}
