import sys; sys.path.insert(0, "/work/exp/s9")
import patch_km; patch_km.install()
sys.argv = [sys.argv[0]] + sys.argv[1:]
exec(open("/work/exp/s9/damic_tab.py").read())
print("ncut stats (sp, km, pick):", [(round(a,3), round(b,3), c) for a, b, c in patch_km.STATS])
