"""Test password lists for scripts/compare-zxcvbn and scripts/bench-password, generated from patterns with a
fixed seed (never from leaked dumps): Chinese-style passwords built the way studies describe them (pinyin names
+ birthdays, love numbers, phone numbers, keyboard walks...), and English-style ones (common passwords from
zxcvbn's own list, words with digits and capitals, l33t, names + years, passphrases, random strings)."""
import random
from zxcvbn.frequency_lists import FREQUENCY_LISTS as F

SURNAMES = "wang li zhang liu chen yang huang zhao wu zhou xu sun ma zhu hu guo he lin gao luo zheng liang xie song tang".split()
GIVEN = "wei fang na min jing li qiang lei jun yang yong yan jie juan tao ming chao xia ping gang hua hao yu xin jia yi".split()
PHRASES = "woaini aini woaiwojia woaiwoma wojia baobei laogong laopo xiaobao tiantian kuaile xingfu yongyuan".split()
PHRASES += "qinqin zhongguo beijing shanghai nihao mima tiancai shuaige woshishui".split()
LOVE = "520 521 1314 5201314 1314520 7758521 3344 5211314 520520".split()
LUCKY = "666 888 168 518 6666 8888 666888 168168 999".split()
WALKS = "1qaz2wsx 1qaz@WSX !QAZ2wsx qwe123 123qwe qweasd asdfgh zxcvbn qazwsx 147258369 159357 741852963 123qwe!@#".split()
COMMON_DIGITS = "123456 123456789 111111 000000 112233 123123 654321 12345678 147258 987654321 11223344".split()


def birthday(rng, sep=""):
    y, m, d = rng.randint(1960, 2012), rng.randint(1, 12), rng.randint(1, 28)
    form = rng.choice(["ymd", "ymd", "md", "ymd2", "y"])
    if form == "ymd":
        return "%04d%s%02d%s%02d" % (y, sep, m, sep, d)
    if form == "ymd2":
        return "%02d%02d%02d" % (y % 100, m, d)
    if form == "md":
        return "%02d%02d" % (m, d)
    return "%04d" % y


def chinese(rng):
    kind = rng.randrange(14)
    name = rng.choice(SURNAMES) + rng.choice(GIVEN + [""]) + (rng.choice(GIVEN) if rng.random() < 0.2 else "")
    if kind == 0:
        return name + birthday(rng)
    if kind == 1:
        return rng.choice(PHRASES) + rng.choice(LOVE + LUCKY + ["123", "123456"])
    if kind == 2:
        return "1" + rng.choice("3456789") + "".join(rng.choice("0123456789") for _ in range(9))
    if kind == 3:
        return rng.choice(WALKS)
    if kind == 4:
        return rng.choice(["qq", "QQ", "wang", "li", "zhang", "a", "aa", "abc"]) + rng.choice(COMMON_DIGITS)
    if kind == 5:
        return birthday(rng)
    if kind == 6:
        return rng.choice(LOVE) + rng.choice(LOVE)
    if kind == 7:
        return name + rng.choice(LOVE + LUCKY)
    if kind == 8:
        return rng.choice(SURNAMES) + rng.choice(COMMON_DIGITS)
    if kind == 9:
        return rng.choice(PHRASES) + rng.choice(SURNAMES + GIVEN)
    if kind == 10:
        return name.capitalize() + birthday(rng)
    if kind == 11:
        return rng.choice(COMMON_DIGITS + LOVE + LUCKY)
    if kind == 12:
        initials = "".join(rng.choice("wlzcyhxgmj") for _ in range(rng.randint(2, 3)))
        return initials + birthday(rng)
    return rng.choice(PHRASES) + birthday(rng)


def english(rng):
    kind = rng.randrange(9)
    words = F["english_wikipedia"]
    if kind <= 2:
        return F["passwords"][int(rng.paretovariate(0.6)) % 30000]
    if kind == 3:
        return rng.choice(words[:20000]).capitalize() + str(rng.randint(0, 99))
    if kind == 4:
        name = rng.choice(F["female_names"] + F["male_names"])
        return name + str(rng.randint(1950, 2015))
    if kind == 5:
        w = rng.choice(words[:10000])
        return w.replace("a", "@").replace("o", "0").replace("e", "3") + rng.choice(["!", "1", "123", ""])
    if kind == 6:
        return " ".join(rng.choice(words[:20000]) for _ in range(rng.randint(3, 4)))
    if kind == 7:
        alphabet = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789!@#$%"
        return "".join(rng.choice(alphabet) for _ in range(rng.randint(8, 16)))
    return rng.choice(words[:30000]) + rng.choice(words[:30000])


def generate(kind, count, seed):
    rng = random.Random(seed)
    make = chinese if kind == "chinese" else english
    out = []
    while len(out) < count:
        p = make(rng)
        if p and "\n" not in p:
            out.append(p)
    return out


if __name__ == "__main__":
    import sys
    kind, count, seed = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
    for p in generate(kind, count, seed):
        print(p)
