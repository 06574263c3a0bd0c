/** Types for the icon generator, so tests can check its outputs with the same code. */
export declare const SOURCE: string;
export declare function templateDrawing(svg: string): string;
export declare function render(svg: string | Buffer, size: number): Buffer;
