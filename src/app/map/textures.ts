import { Rectangle, Texture } from 'pixi.js';

/** Particle frames cut from one shared texture source (a ParticleContainer needs one source). */
export interface ParticleTextures {
  dot: Texture;
  ring: Texture;
}

const CELL = 32;

/** A dot and an outlined dot, drawn once on a small canvas: white, so tint colours them. */
export function particleTextures(): ParticleTextures {
  const canvas = document.createElement('canvas');
  canvas.width = CELL * 2;
  canvas.height = CELL;
  const g = canvas.getContext('2d') as CanvasRenderingContext2D;
  g.fillStyle = '#ffffff';
  g.beginPath();
  g.arc(CELL / 2, CELL / 2, CELL / 2 - 2, 0, Math.PI * 2);
  g.fill();
  g.beginPath();
  g.arc(CELL * 1.5, CELL / 2, CELL / 2 - 7, 0, Math.PI * 2);
  g.fill();
  g.lineWidth = 4;
  g.strokeStyle = '#ffffff';
  g.beginPath();
  g.arc(CELL * 1.5, CELL / 2, CELL / 2 - 2.5, 0, Math.PI * 2);
  g.stroke();
  const base = Texture.from(canvas);
  return {
    dot: new Texture({ source: base.source, frame: new Rectangle(0, 0, CELL, CELL) }),
    ring: new Texture({ source: base.source, frame: new Rectangle(CELL, 0, CELL, CELL) }),
  };
}
