import { describe, expect, it } from 'vitest';
import { useMessagesStore } from './messages.ts';

describe('messages store: remembered names', () => {
  it('keeps the labels object when a search answer brings no new name, and adds the new ones', () => {
    useMessagesStore.setState({ labels: {} });
    useMessagesStore.getState().rememberUserNames([{ userid: 'zhangsan', name: '张三' }]);
    const first = useMessagesStore.getState().labels;
    expect(first).toEqual({ 'user:zhangsan': '张三' });
    useMessagesStore.getState().rememberUserNames([{ userid: 'zhangsan', name: '张三' }]);
    expect(useMessagesStore.getState().labels).toBe(first);
    useMessagesStore.getState().rememberUserNames([{ userid: 'zhangsan', name: '张三丰' }, { userid: 'lisi', name: '李四' }]);
    expect(useMessagesStore.getState().labels).toEqual({ 'user:zhangsan': '张三丰', 'user:lisi': '李四' });
  });
});
