# unguarded: a value too large to simulate (Invalid string length) (Python 3.11; fuzz seed 4 run 4621; found with a 1,000,000-character literal in an f-string of 50,000 parts, rebuilt small)
x = 'x' * 10**7
y = f'{x}{x}{x}{x}{x}{x}{x}{x}{x}{x}{x}{x}{x}{x}{x}{x}{x}{x}{x}{x}{x}{x}{x}{x}{x}{x}{x}{x}{x}{x}{x}{x}{x}{x}{x}{x}{x}{x}{x}{x}{x}{x}{x}{x}{x}{x}{x}{x}{x}{x}{x}{x}{x}{x}{x}{x}{x}{x}{x}{x}'
