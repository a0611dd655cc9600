// Placeholder entry point; replaced by the real CLI in the same commit series.
process.stdout.write('ownership-lens\n');
