// Chinese names with their pinyin, so generated userids read like real corporate ones (zhangwei).

/** Common surnames, most frequent first (weights fall off with rank). */
// prettier-ignore
export const SURNAMES: readonly (readonly [string, string])[] = [
  ['王', 'wang'], ['李', 'li'], ['张', 'zhang'], ['刘', 'liu'], ['陈', 'chen'], ['杨', 'yang'],
  ['黄', 'huang'], ['赵', 'zhao'], ['吴', 'wu'], ['周', 'zhou'], ['徐', 'xu'], ['孙', 'sun'],
  ['马', 'ma'], ['朱', 'zhu'], ['胡', 'hu'], ['郭', 'guo'], ['何', 'he'], ['高', 'gao'],
  ['林', 'lin'], ['罗', 'luo'], ['郑', 'zheng'], ['梁', 'liang'], ['谢', 'xie'], ['宋', 'song'],
  ['唐', 'tang'], ['许', 'xu'], ['韩', 'han'], ['冯', 'feng'], ['邓', 'deng'], ['曹', 'cao'],
  ['彭', 'peng'], ['曾', 'zeng'], ['肖', 'xiao'], ['田', 'tian'], ['董', 'dong'], ['袁', 'yuan'],
  ['潘', 'pan'], ['于', 'yu'], ['蒋', 'jiang'], ['蔡', 'cai'], ['余', 'yu'], ['杜', 'du'],
  ['叶', 'ye'], ['程', 'cheng'], ['苏', 'su'], ['魏', 'wei'], ['吕', 'lv'], ['丁', 'ding'],
  ['任', 'ren'], ['沈', 'shen'], ['姚', 'yao'], ['卢', 'lu'], ['姜', 'jiang'], ['崔', 'cui'],
  ['钟', 'zhong'], ['谭', 'tan'], ['陆', 'lu'], ['汪', 'wang'], ['范', 'fan'], ['金', 'jin'],
  ['石', 'shi'], ['廖', 'liao'], ['贾', 'jia'], ['夏', 'xia'], ['韦', 'wei'], ['付', 'fu'],
  ['方', 'fang'], ['白', 'bai'], ['邹', 'zou'], ['孟', 'meng'], ['熊', 'xiong'], ['秦', 'qin'],
  ['邱', 'qiu'], ['江', 'jiang'], ['尹', 'yin'], ['薛', 'xue'], ['闫', 'yan'], ['段', 'duan'],
  ['雷', 'lei'], ['侯', 'hou'], ['龙', 'long'], ['史', 'shi'], ['陶', 'tao'], ['黎', 'li'],
  ['贺', 'he'], ['顾', 'gu'], ['毛', 'mao'], ['郝', 'hao'], ['龚', 'gong'], ['邵', 'shao'],
  ['万', 'wan'], ['钱', 'qian'], ['严', 'yan'], ['武', 'wu'], ['戴', 'dai'], ['孔', 'kong'],
  ['欧阳', 'ouyang'], ['上官', 'shangguan'], ['司马', 'sima'],
];

// prettier-ignore
export const MALE_GIVEN: readonly (readonly [string, string])[] = [
  ['伟', 'wei'], ['强', 'qiang'], ['磊', 'lei'], ['军', 'jun'], ['洋', 'yang'], ['勇', 'yong'],
  ['杰', 'jie'], ['涛', 'tao'], ['明', 'ming'], ['超', 'chao'], ['刚', 'gang'], ['平', 'ping'],
  ['辉', 'hui'], ['鹏', 'peng'], ['华', 'hua'], ['飞', 'fei'], ['鑫', 'xin'], ['波', 'bo'],
  ['斌', 'bin'], ['宇', 'yu'], ['浩', 'hao'], ['凯', 'kai'], ['健', 'jian'], ['俊', 'jun'],
  ['帆', 'fan'], ['旭', 'xu'], ['宁', 'ning'], ['龙', 'long'], ['阳', 'yang'], ['志', 'zhi'],
  ['建', 'jian'], ['国', 'guo'], ['文', 'wen'], ['博', 'bo'], ['晨', 'chen'], ['睿', 'rui'],
  ['泽', 'ze'], ['轩', 'xuan'], ['昊', 'hao'], ['然', 'ran'], ['子', 'zi'], ['逸', 'yi'],
  ['航', 'hang'], ['嘉', 'jia'], ['毅', 'yi'], ['峰', 'feng'], ['坤', 'kun'], ['成', 'cheng'],
  ['东', 'dong'], ['海', 'hai'], ['亮', 'liang'], ['天', 'tian'], ['振', 'zhen'], ['晖', 'hui'],
];

// prettier-ignore
export const FEMALE_GIVEN: readonly (readonly [string, string])[] = [
  ['芳', 'fang'], ['娜', 'na'], ['敏', 'min'], ['静', 'jing'], ['丽', 'li'], ['艳', 'yan'],
  ['娟', 'juan'], ['霞', 'xia'], ['秀', 'xiu'], ['玲', 'ling'], ['燕', 'yan'], ['婷', 'ting'],
  ['雪', 'xue'], ['慧', 'hui'], ['颖', 'ying'], ['琳', 'lin'], ['晶', 'jing'], ['欣', 'xin'],
  ['瑶', 'yao'], ['怡', 'yi'], ['佳', 'jia'], ['雨', 'yu'], ['萱', 'xuan'], ['梦', 'meng'],
  ['思', 'si'], ['琪', 'qi'], ['涵', 'han'], ['悦', 'yue'], ['璐', 'lu'], ['倩', 'qian'],
  ['蕾', 'lei'], ['薇', 'wei'], ['晓', 'xiao'], ['月', 'yue'], ['馨', 'xin'], ['露', 'lu'],
  ['彤', 'tong'], ['洁', 'jie'], ['妍', 'yan'], ['诗', 'shi'], ['清', 'qing'], ['宁', 'ning'],
];

// prettier-ignore
export const ENGLISH_NAMES: readonly string[] = [
  'David', 'Kevin', 'Amy', 'Lily', 'Jason', 'Tony', 'Cindy', 'Eric', 'Grace', 'Helen', 'Jack',
  'Leo', 'Linda', 'Lucy', 'Mike', 'Nancy', 'Peter', 'Sam', 'Sunny', 'Vivian', 'Alex', 'Bella',
  'Chris', 'Daisy', 'Frank', 'Iris', 'Jerry', 'Kelly', 'Ryan', 'Tina',
];

/** Nicknames of external (WeChat) viewers. */
// prettier-ignore
export const NICKNAMES: readonly string[] = [
  '阳光', '小鱼儿', '追风少年', '静待花开', '木子', '大白', '晴天', '橙子', '向日葵', '一帆风顺',
  '知足常乐', '蓝天白云', '小太阳', '星辰大海', '豆豆', '安然', '简单', '平安是福', '微笑', '远方',
  'Alice', 'Bob', 'Coco', 'Momo', 'Sky', 'Luna', 'Kiki', 'Jojo', '老王', '小李飞刀',
];
