# category: everyday
# what: f-string format specifications for width, alignment, precision and sign
x = 3.14159
n = 42
print(f"[{x:.2f}] [{x:8.3f}] [{x:<8.1f}] [{x:^9.2f}]")
print(f"[{n:5d}] [{n:<5}] [{n:^5}] [{n:05d}] [{n:+d}] [{-n:+d}]")
print(f"[{n:x}] [{n:X}] [{n:o}] [{n:b}] [{n:#x}] [{n:#b}]")
print(f"[{'hi':>6}] [{'hi':*<6}] [{'hi':-^7}]")
print(f"[{1234567:,}] [{1234567.891:,.2f}] [{0.25:.1%}] [{12345.678:e}]")
